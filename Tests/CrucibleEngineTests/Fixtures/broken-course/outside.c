/* outside every lesson folder; the symlink-escape lesson's starter points here */
