;; interp: a small Scheme interpreter (environments as association lists) running fib.
;; expected: 987
(define (lookup x env) (let ((b (assq x env))) (if b (cdr b) (error "unbound" x))))
(define (evaluate e env)
  (cond ((symbol? e) (lookup e env))
        ((not (pair? e)) e)
        ((eq? (car e) 'quote) (cadr e))
        ((eq? (car e) 'if) (if (evaluate (cadr e) env) (evaluate (caddr e) env) (evaluate (cadddr e) env)))
        ((eq? (car e) 'lambda) (list 'closure (cadr e) (caddr e) env))
        (else (apply-proc (evaluate (car e) env) (map (lambda (a) (evaluate a env)) (cdr e))))))
(define (apply-proc f args)
  (if (procedure? f) (apply f args)
      (evaluate (caddr f) (append (map cons (cadr f) args) (cadddr f)))))
(define global (list (cons '< <) (cons '+ +) (cons '- -)))
(define program
  '((lambda (fib) (fib fib 16))
    (lambda (self n) (if (< n 2) n (+ (self self (- n 1)) (self self (- n 2)))))))
(define (main) (evaluate program global))
