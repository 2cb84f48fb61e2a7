;; deriv: symbolic differentiation of a polynomial expression (allocation-heavy symbolic code).
;; expected: 610000
(define (deriv a)
  (cond ((not (pair? a)) (if (eq? a 'x) 1 0))
        ((eq? (car a) '+) (cons '+ (map deriv (cdr a))))
        ((eq? (car a) '-) (cons '- (map deriv (cdr a))))
        ((eq? (car a) '*)
         (list '* a (cons '+ (map (lambda (a) (list '/ (deriv a) a)) (cdr a)))))
        ((eq? (car a) '/)
         (list '- (list '/ (deriv (cadr a)) (caddr a))
               (list '/ (cadr a) (list '* (caddr a) (caddr a) (deriv (caddr a))))))
        (else (error "no derivation for" a))))
(define (size t) (if (pair? t) (+ 1 (apply + (map size t))) 1))
(define (main)
  (let loop ((i 0) (total 0))
    (if (= i 10000) total
        (loop (+ i 1) (+ total (size (deriv '(+ (* 3 x x) (* a x x) (* b x) 5))))))))
