/// Renders the rows as CSV: fields joined by commas, one line per row,
/// each line ending in "\n".
func renderCSV(_ rows: [[String]]) -> String {
    var csv = ""
    for row in rows {
        var line = ""
        for (index, field) in row.enumerated() {
            line = index == 0 ? field : line + "," + field
        }
        csv = csv + line + "\n"       // builds a brand-new string every time
    }
    return csv
}
