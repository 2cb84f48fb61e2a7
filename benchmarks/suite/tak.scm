;; tak: Takeuchi's function, deep non-tail calls with three arguments.
;; expected: 7
(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(define (main) (tak 18 12 6))
