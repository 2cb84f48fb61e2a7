;; The seed's pong service, one-node form: the same code without (node-init ":7000").
(import (termite))
(define server ;; pong service thread
  (spawn
    (lambda ()
      (let loop ()
        (recv
          ((from tag 'PING)
           (! from (list tag 'PONG))))
        (loop)))))
(publish-service 'pong-server server)
(thread-join! server) ;; wait for end
