;; nqueens: counting the solutions of the 8 queens problem by backtracking over lists.
;; expected: 92
(define (queens board-size)
  (define (ok? row dist placed)
    (or (null? placed)
        (and (not (= (car placed) (+ row dist)))
             (not (= (car placed) (- row dist)))
             (not (= (car placed) row))
             (ok? row (+ dist 1) (cdr placed)))))
  (define (try row placed)
    (if (= (length placed) board-size) 1
        (let loop ((r 1) (n 0))
          (if (> r board-size) n
              (loop (+ r 1) (if (ok? r 1 placed) (+ n (try r (cons r placed))) n))))))
  (try 1 '()))
(define (main) (let loop ((i 0) (r 0)) (if (= i 10) r (loop (+ i 1) (queens 8)))))
