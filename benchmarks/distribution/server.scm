;; The serving node of distribution.bench.mjs: an echo service, a counter of one-way messages, and
;; a receiver of continuations (it answers once the message, continuation included, is decoded).
(import (termite))
(node-init (cadr (command-line)))
(define count 0)
(define server
  (spawn
   (lambda ()
     (let loop ()
       (recv
         ((from tag ('echo x)) (! from (list tag x)))
         (('tick _) (set! count (+ count 1)))
         ((from tag 'count) (! from (list tag count)) (set! count 0))
         ((from tag ('continuation k)) (! from (list tag (procedure? k)))))
       (loop)))))
(publish-service 'bench server)
(println "ready")
(thread-join! server)
