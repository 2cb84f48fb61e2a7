;; fib: doubly recursive calls on small integers (fib 30).
;; expected: 832040
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define (main) (fib 30))
