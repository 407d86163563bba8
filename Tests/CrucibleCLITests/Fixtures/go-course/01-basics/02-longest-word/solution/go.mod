module example.com/longest

go 1.19
