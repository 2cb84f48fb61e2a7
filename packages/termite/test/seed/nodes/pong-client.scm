(import (termite))
(node-init) ;; on fresh port
(define server
  (remote-service 'pong-server
                  ":7000"))
(println (!? server 'PING))
