;; The seed's code for the new behaviour of the pong service, one-node form. The new server
;; sends the old one its own continuation with ('UPDATE k) when it gets ('MIGRATE dest); the
;; old server then runs the new code and answers HELLO.
(import (termite))
(define server (resolve-service 'pong-server))
(println (!? server 'PING)) ;; PONG
(define new-server
  (spawn
    (lambda ()
      (let loop ()
        (recv
          ((from tag 'PING)
           (! from (list tag 'HELLO)))
          ((from tag ('UPDATE k))
           (! from (list tag 'ACK))
           (k #t))
          ((from tag ('MIGRATE dest))
           (call/cc
             (lambda (k)
               (!? dest (list 'UPDATE k))
               (! from (list tag 'ACK))))))
        (loop)))))
(!? new-server (list 'MIGRATE server))
(println (!? server 'PING)) ;; HELLO
