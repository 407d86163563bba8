/// A grid of `rows` × `cols` numbers, every cell starting at 0.0.
pub struct Grid {
    rows: usize,
    cols: usize,
    cells: Vec<Box<[f64]>>, // leaner than Vec (no capacity field), but still one block per row
}

impl Grid {
    pub fn new(rows: usize, cols: usize) -> Grid {
        let cells = (0..rows).map(|_| vec![0.0; cols].into_boxed_slice()).collect();
        Grid { rows, cols, cells }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    pub fn get(&self, row: usize, col: usize) -> f64 {
        self.cells[row][col]
    }

    pub fn set(&mut self, row: usize, col: usize, value: f64) {
        self.cells[row][col] = value;
    }
}
