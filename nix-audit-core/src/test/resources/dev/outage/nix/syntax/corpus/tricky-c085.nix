with {}; "\a\
b\$\${"