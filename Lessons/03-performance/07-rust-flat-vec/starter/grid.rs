/// A grid of `rows` × `cols` numbers, every cell starting at 0.0.
pub struct Grid {
    rows: usize,
    cols: usize,
    cells: Vec<Vec<f64>>, // one Vec per row, each its own heap block
}

impl Grid {
    pub fn new(rows: usize, cols: usize) -> Grid {
        Grid { rows, cols, cells: vec![vec![0.0; cols]; rows] }
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
