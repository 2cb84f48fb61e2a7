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
