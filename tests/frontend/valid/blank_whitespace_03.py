def f(a):   
    return a   	

value = f( 1 )  
spaced  =  [ 1 ,  2 ]	
	
