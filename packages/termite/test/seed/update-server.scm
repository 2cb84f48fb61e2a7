;; The seed's pong service with hot code update, one-node form: on ('UPDATE k) it
;; acknowledges and continues as the continuation k it was sent.
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
(thread-join! server) ;; wait for end
