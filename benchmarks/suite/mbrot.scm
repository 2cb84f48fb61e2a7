;; mbrot: Mandelbrot iteration counts over a grid (floating point with fractions).
;; expected: 31866
(define (count r i step n max-iter)
  (let ((cr (+ r (* step n))) (ci i))
    (let loop ((zr cr) (zi ci) (c 0))
      (if (= c max-iter) c
          (let ((zr2 (* zr zr)) (zi2 (* zi zi)))
            (if (> (+ zr2 zi2) 4.) c
                (loop (+ (- zr2 zi2) cr) (+ (* 2. zr zi) ci) (+ c 1))))))))
(define (main)
  (let rows ((y 0) (total 0))
    (if (= y 40) total
        (let cols ((x 0) (total total))
          (if (= x 40) (rows (+ y 1) total)
              (cols (+ x 1)
                    (+ total (count -2. (+ -1.25 (* y 0.0625)) 0.0625 x 64))))))))
