import os
import os.path as p.q
