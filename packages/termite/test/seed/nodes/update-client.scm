(import (termite))
(node-init) ;; on fresh port
(define server
  (remote-service 'pong-server
                  ":7000"))
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
