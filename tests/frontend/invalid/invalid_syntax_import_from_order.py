import os
import path from os
