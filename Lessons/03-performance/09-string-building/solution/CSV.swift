/// Renders the rows as CSV: fields joined by commas, one line per row,
/// each line ending in "\n".
func renderCSV(_ rows: [[String]]) -> String {
    var csv = ""
    for row in rows {
        for (index, field) in row.enumerated() {
            if index > 0 { csv += "," }
            csv += field              // appends in place: csv is uniquely owned
        }
        csv += "\n"
    }
    return csv
}
