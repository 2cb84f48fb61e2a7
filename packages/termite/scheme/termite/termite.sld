;; The (termite) library: Erlang-style processes on one node. The process procedures are
;; primitives and `recv` a transformer, both in (termite process); what calls Scheme procedures
;; (`??`, whose predicate is Scheme) is written here.

(define-library (termite)
  (import (scheme base) (termite process) (only (termite mailbox) receive-timeout))
  (export spawn spawn-link self process? ! ? ?? !? recv make-tag tag?
          publish-service unpublish-service resolve-service
          link unlink monitor demonitor thread-join! thread-terminate!)
  ;; Gambit's serialization, when the node has a wire (see src/wire/README.md).
  (cond-expand
    ((library (termite wire))
     (import (termite wire))
     (export object->u8vector u8vector->object)))
  ;; Nodes on a network, when the system has the distribution layer (src/distribution/).
  (cond-expand
    ((library (termite node))
     (import (termite node))
     (export node-init current-node remote-service remote-spawn remote-spawn-link ping
             migrate-task migrate/proxy)
     (begin
       ;; The process goes on at `node` as a new process; this one ends (its id is dead).
       (define (migrate-task node)
         (call/cc
           (lambda (k)
             (remote-spawn node (lambda () (k #t)))
             (%end-process))))
       ;; The process goes on at `node`; this one stays as a proxy, linked to it, forwarding
       ;; every message it receives, so its old id still reaches the process.
       (define (migrate/proxy node)
         (define (proxy pid)
           (let loop ()
             (! pid (?))
             (loop)))
         (call/cc
           (lambda (k)
             (proxy (remote-spawn-link node (lambda () (k #t))))))))))
  (begin
    ;; (?? pred [timeout [default]]): takes the first message satisfying `pred`.
    (define (?? pred . options)
      (if (null? options)
          (recv (message (where (pred message)) message))
          (let ((timeout (car options)))
            (recv (message (where (pred message)) message)
                  (after timeout
                    (if (pair? (cdr options))
                        (cadr options)
                        (receive-timeout '??)))))))))
