module realworld/gofmt

go 1.26
