# Parenthesised names and targets with odd spacing
(a) = 1
((b)) = 2
( c ) = ( 3 )
[ d , e ] = ( 4 , 5 )
x = [0, 1]
(x)[0] = (x)[1]
x [ 1 ] = x . __len__ ( )
value = (
    1
)
