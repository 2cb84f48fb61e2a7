;; Takeuchi's function: deep non-tail recursion with three arguments, called repeatedly.
(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z)
           (tak (- y 1) z x)
           (tak (- z 1) x y))))

(define (repeat-tak times)
  (let loop ((i 0) (sum 0))
    (if (= i times)
        sum
        (loop (+ i 1) (+ sum (tak 18 12 6))))))

(repeat-tak 20)
