;; The ELS'20 hot code update, on one node: `termite run examples/hot-update.scm`.
;; A pong server answers PING with PONG; a new server sends the old one its own continuation
;; (captured with call/cc) in an UPDATE message, and from then on the old server answers HELLO.
(import (termite))

(define server ;; pong service thread
  (spawn
    (lambda ()
      (let loop ()
        (recv
          ((from tag 'PING)
           (! from (list tag 'PONG)))
          ((from tag ('UPDATE k))
           (! from (list tag 'ACK))
           (k #t)))
        (loop)))))
(publish-service 'pong-server server)

(println (!? server 'PING)) ;; PONG

(define new-server ;; code for the new behaviour of the pong service
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
