;; sumfp: a floating point loop summing integral values.
;; expected: 5000050000
(define (run n)
  (let loop ((i n) (sum 0.))
    (if (< i 0.) sum (loop (- i 1.) (+ i sum)))))
(define (main) (exact (run 100000.)))
