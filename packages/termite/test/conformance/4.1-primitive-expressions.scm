;; R7RS 4.1 Primitive expression types: variable references, literals, procedure calls,
;; lambda, if, set!, include.
(import (scheme base) (conformance harness))

;; 4.1.1 Variable references
(define x 28)
(check x => 28)

;; 4.1.2 Literal expressions: quote and self-evaluating data
(check (quote a) => 'a)
(check (quote #(a b c)) => #(a b c))
(check (quote (+ 1 2)) => '(+ 1 2))
(check 'a => (quote a))
(check ''a => '(quote a))
(check '"abc" => "abc")
(check "abc" => "abc")
(check '145932 => 145932)
(check 145932 => 145932)
(check '#t => #t)
(check #t => #t)
(check #(a 10) => '#(a 10))
(check #u8(64 65) => (bytevector 64 65))

;; 4.1.3 Procedure calls
(check (+ 3 4) => 7)
(check ((if #f + *) 3 4) => 12)

;; 4.1.4 Procedures
(check (procedure? (lambda (x) (+ x x))) => #t)
(check ((lambda (x) (+ x x)) 4) => 8)
(define reverse-subtract (lambda (x y) (- y x)))
(check (reverse-subtract 7 10) => 3)
(define add4 (let ((x 4)) (lambda (y) (+ x y))))
(check (add4 6) => 10)
(check ((lambda x x) 3 4 5 6) => '(3 4 5 6))
(check ((lambda (x y . z) z) 3 4 5 6) => '(5 6))
(check ((lambda (x y . z) z) 3 4) => '())
(check (let ((f (lambda () 1))) (eqv? f f)) => #t)
;; Each activation has its own parameters, rest parameter included: a recursive procedure with a
;; rest parameter reads its own after the inner call returns.
(define (sum-all first . rest) (if (null? rest) first (+ first (apply sum-all rest))))
(check (sum-all 1 2 3 4) => 10)
(define (spread x . more) (if (null? more) (list x) (cons x (apply spread more))))
(check (spread 'a 'b 'c) => '(a b c))

;; 4.1.5 Conditionals
(check (if (> 3 2) 'yes 'no) => 'yes)
(check (if (> 2 3) 'yes 'no) => 'no)
(check (if (> 3 2) (- 3 2) (+ 3 2)) => 1)
(check (if '() 'true 'false) => 'true)
(check (if 0 'true 'false) => 'true)

;; 4.1.6 Assignments
(define y 2)
(check (+ y 1) => 3)
(set! y 4)
(check (+ y 1) => 5)
(check (let ((z 1)) (set! z (+ z 10)) z) => 11)
(check (let ((counter (let ((n 0)) (lambda () (set! n (+ n 1)) n))))
         (counter) (counter) (counter))
       => 3)

;; 4.1.7 Inclusion: include and include-ci read files relative to the including file.
(include "include-me.scm")
(check included-value => 42)
(check (included-procedure 5) => 10)
(include-ci "include-ci-me.scm")
(check included-ci-value => 'hello)

(report)
