;; loop: a counting loop with a remainder test (tail calls as a loop).
;; expected: 4166665833333
(define (run n)
  (let loop ((i 0) (sum 0))
    (if (= i n) sum
        (loop (+ i 1) (if (= (remainder i 3) 0) (+ sum i) sum)))))
(define (main) (run 5000000))
