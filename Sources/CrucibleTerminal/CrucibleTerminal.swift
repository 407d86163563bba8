import CNcursesw
import CrucibleUI
