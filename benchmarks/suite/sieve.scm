;; sieve: the sieve of Eratosthenes over a vector (a vector kernel).
;; expected: 17984
(define (sieve n)
  (let ((v (make-vector (+ n 1) #t)))
    (let outer ((i 2) (count 0))
      (if (> i n) count
          (if (vector-ref v i)
              (begin
                (let inner ((j (* i i)))
                  (if (<= j n) (begin (vector-set! v j #f) (inner (+ j i)))))
                (outer (+ i 1) (+ count 1)))
              (outer (+ i 1) count))))))
(define (main) (sieve 200000))
