import os
   
	
	  	

def f():
    x = 1
        
	
    return x

class C:
    pass
  	  

# form feeds above
y = f()
