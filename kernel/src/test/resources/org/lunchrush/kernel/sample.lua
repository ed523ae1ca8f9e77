return "少放辣"
