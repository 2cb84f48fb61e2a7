;; The seed's client, one-node form: the service is found on this node instead of through
;; (remote-service 'pong-server ":7000"), and (node-init) is left out.
(import (termite))
(define server (resolve-service 'pong-server))
(println (!? server 'PING))
