;; trees: allocating and walking many short-lived binary trees (GC pressure).
;; expected: 195243
(define (make n) (if (= n 0) (cons '() '()) (cons (make (- n 1)) (make (- n 1)))))
(define (check t) (if (null? (car t)) 1 (+ 1 (check (car t)) (check (cdr t)))))
(define (main)
  (let loop ((d 4) (total 0))
    (if (> d 14) total
        (loop (+ d 2)
              (+ total (let iter ((i 0) (s 0))
                         (if (= i (expt 2 (- 14 d))) s (iter (+ i 1) (+ s (check (make d)))))))))))
