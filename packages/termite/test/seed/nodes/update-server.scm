(import (termite))
(node-init ":7000") ;; on port 7000
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
