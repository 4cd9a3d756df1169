module gowork

go 1.26
