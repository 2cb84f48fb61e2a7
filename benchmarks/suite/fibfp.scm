;; fibfp: fib on floating point numbers (all of them integral).
;; expected: 75025
(define (fibfp n) (if (< n 2.) n (+ (fibfp (- n 1.)) (fibfp (- n 2.)))))
(define (main) (exact (fibfp 25.)))
