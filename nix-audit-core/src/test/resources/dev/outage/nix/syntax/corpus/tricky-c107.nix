{ b, a, b, a }: 1
