module realworld/gzcrypt

go 1.26
