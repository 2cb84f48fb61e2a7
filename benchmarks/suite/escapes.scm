;; escapes: early exits through exception handlers and escaping continuations (the escape-only
;; case; `guard` is built the same way, but Gambit 4.9.3's interpreter lacks it).
;; expected: (6667 8331666 9999)
(define (checked-div a b) (if (= b 0) (raise 'division-by-zero) (quotient a b)))
(define (safe-div a b)
  (call-with-current-continuation
   (lambda (k)
     (with-exception-handler
      (lambda (e) (k (if (symbol? e) 0 -1)))
      (lambda () (checked-div a b))))))
(define (find-first pred l)
  (call-with-current-continuation
   (lambda (return) (for-each (lambda (x) (if (pred x) (return x))) l) #f)))
(define (range n) (let loop ((i (- n 1)) (a '())) (if (< i 0) a (loop (- i 1) (cons i a)))))
(define (main)
  (let ((l (range 10000)))
    (list (let loop ((l l) (n 0)) (if (null? l) n (loop (cdr l) (if (= 0 (safe-div 1 (modulo (car l) 3))) (+ n 1) n))))
          (apply + (map (lambda (x) (safe-div (* x 3) (if (even? x) 1 0))) (range 3334)))
          (let loop ((i 0) (s 0)) (if (= i 100) s (loop (+ i 1) (find-first (lambda (x) (> x 9998)) l)))))))
