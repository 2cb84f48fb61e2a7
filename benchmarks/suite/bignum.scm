;; bignum: factorials and their digit sums with exact integers far beyond 64 bits.
;; expected: (10539 2568 #t)
(define (fact n) (let loop ((i 1) (acc 1)) (if (> i n) acc (loop (+ i 1) (* acc i)))))
(define (digit-sum n) (let loop ((n n) (s 0)) (if (= n 0) s (loop (quotient n 10) (+ s (remainder n 10))))))
(define (main)
  (let ((f (fact 1000)))
    (list (digit-sum f)
          (string-length (number->string f))
          (= (quotient f (fact 998)) (* 999 1000)))))
