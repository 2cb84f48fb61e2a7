;; A first Termite script: run it with `npm start` or `termite run examples/hello.scm`.
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(println "fib(20) = " (fib 20))
(define (make-counter)
  (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
(define c (make-counter))
(c) (c)
(println "counter: " (c))
(println "map: " (map (lambda (x) (* x x)) '(1 2 3 4)))
