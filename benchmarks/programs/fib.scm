;; Doubly recursive Fibonacci: procedure calls and small-integer arithmetic only.
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(fib 27)
