#!/usr/bin/env python3
"""Fast GPU training of the 2DGS network (model v2); see gsinpaint/trainer.py for the options."""

from gsinpaint.trainer import main

if __name__ == "__main__":
    main()
