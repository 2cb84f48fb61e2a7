;; fibc: fib where every addition receives its operands through escaping continuations.
;; expected: 28657
(define (add1 n k) (k (+ n 1)))
(define (fibc n c)
  (if (< n 2)
      (c n)
      (+ (call-with-current-continuation (lambda (k) (fibc (- n 1) k)))
         (call-with-current-continuation (lambda (k) (fibc (- n 2) k))))))
(define (main)
  (call-with-current-continuation (lambda (k) (fibc 23 k))))
