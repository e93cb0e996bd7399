with {}; a: { a ? 1 }: 2
