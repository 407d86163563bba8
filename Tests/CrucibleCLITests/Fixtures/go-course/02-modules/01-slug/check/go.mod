module example.com/slugs

go 1.19

require example.com/textkit v1.0.0
