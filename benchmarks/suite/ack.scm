;; ack: Ackermann's function, recursion thousands of frames deep.
;; expected: 2045
(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))
(define (main) (ack 3 8))
